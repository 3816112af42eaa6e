# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'release_hold_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject
from PySide6.QtWidgets import QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

class Ui_ReleaseHoldDialog(object):
    def setupUi(self, ReleaseHoldDialog):
        if not ReleaseHoldDialog.objectName():
            ReleaseHoldDialog.setObjectName(u"ReleaseHoldDialog")
        ReleaseHoldDialog.resize(680, 320)
        self.releaseLayout = QVBoxLayout(ReleaseHoldDialog)
        self.releaseLayout.setObjectName(u"releaseLayout")
        self.explanationLabel = QLabel(ReleaseHoldDialog)
        self.explanationLabel.setObjectName(u"explanationLabel")
        self.explanationLabel.setWordWrap(True)

        self.releaseLayout.addWidget(self.explanationLabel)

        self.releaseForm = QFormLayout()
        self.releaseForm.setObjectName(u"releaseForm")
        self.supervisorLabel = QLabel(ReleaseHoldDialog)
        self.supervisorLabel.setObjectName(u"supervisorLabel")

        self.releaseForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.supervisorLabel)

        self.supervisorEdit = QLineEdit(ReleaseHoldDialog)
        self.supervisorEdit.setObjectName(u"supervisorEdit")

        self.releaseForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.supervisorEdit)

        self.passwordLabel = QLabel(ReleaseHoldDialog)
        self.passwordLabel.setObjectName(u"passwordLabel")

        self.releaseForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.passwordLabel)

        self.passwordEdit = QLineEdit(ReleaseHoldDialog)
        self.passwordEdit.setObjectName(u"passwordEdit")
        self.passwordEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.releaseForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.passwordEdit)

        self.reasonLabel = QLabel(ReleaseHoldDialog)
        self.reasonLabel.setObjectName(u"reasonLabel")

        self.releaseForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.reasonLabel)

        self.reasonEdit = QLineEdit(ReleaseHoldDialog)
        self.reasonEdit.setObjectName(u"reasonEdit")

        self.releaseForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.reasonEdit)


        self.releaseLayout.addLayout(self.releaseForm)

        self.messageLabel = QLabel(ReleaseHoldDialog)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setWordWrap(True)

        self.releaseLayout.addWidget(self.messageLabel)

        self.buttons = QDialogButtonBox(ReleaseHoldDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.releaseLayout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.supervisorLabel.setBuddy(self.supervisorEdit)
        self.passwordLabel.setBuddy(self.passwordEdit)
        self.reasonLabel.setBuddy(self.reasonEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.supervisorEdit, self.passwordEdit)
        QWidget.setTabOrder(self.passwordEdit, self.reasonEdit)

        self.retranslateUi(ReleaseHoldDialog)

        QMetaObject.connectSlotsByName(ReleaseHoldDialog)
    # setupUi

    def retranslateUi(self, ReleaseHoldDialog):
        ReleaseHoldDialog.setWindowTitle(QCoreApplication.translate("ReleaseHoldDialog", u"Release a held line", None))
        self.explanationLabel.setText("")
        self.supervisorLabel.setText(QCoreApplication.translate("ReleaseHoldDialog", u"Super&visor", None))
#if QT_CONFIG(accessibility)
        self.supervisorEdit.setAccessibleName(QCoreApplication.translate("ReleaseHoldDialog", u"Supervisor name", None))
#endif // QT_CONFIG(accessibility)
        self.passwordLabel.setText(QCoreApplication.translate("ReleaseHoldDialog", u"Pass&word", None))
#if QT_CONFIG(accessibility)
        self.passwordEdit.setAccessibleName(QCoreApplication.translate("ReleaseHoldDialog", u"Supervisor password", None))
#endif // QT_CONFIG(accessibility)
        self.reasonLabel.setText(QCoreApplication.translate("ReleaseHoldDialog", u"&Note", None))
#if QT_CONFIG(accessibility)
        self.reasonEdit.setAccessibleName(QCoreApplication.translate("ReleaseHoldDialog", u"Release note", None))
#endif // QT_CONFIG(accessibility)
        self.reasonEdit.setPlaceholderText(QCoreApplication.translate("ReleaseHoldDialog", u"Why the line can be received now", None))
#if QT_CONFIG(accessibility)
        self.messageLabel.setAccessibleName(QCoreApplication.translate("ReleaseHoldDialog", u"Release message", None))
#endif // QT_CONFIG(accessibility)
        self.messageLabel.setText("")
#if QT_CONFIG(accessibility)
        self.buttons.setAccessibleName(QCoreApplication.translate("ReleaseHoldDialog", u"Release or cancel", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

