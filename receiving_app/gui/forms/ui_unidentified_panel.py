# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'unidentified_panel.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QSizePolicy, QSpacerItem, QTableView, QVBoxLayout, QWidget

class Ui_UnidentifiedPanel(object):
    def setupUi(self, UnidentifiedPanel):
        if not UnidentifiedPanel.objectName():
            UnidentifiedPanel.setObjectName(u"UnidentifiedPanel")
        UnidentifiedPanel.resize(1200, 640)
        self.panelColumns = QHBoxLayout(UnidentifiedPanel)
        self.panelColumns.setObjectName(u"panelColumns")
        self.panelColumns.setContentsMargins(0, 0, 0, 0)
        self.parcelColumn = QVBoxLayout()
        self.parcelColumn.setObjectName(u"parcelColumn")
        self.parcelGroup = QGroupBox(UnidentifiedPanel)
        self.parcelGroup.setObjectName(u"parcelGroup")
        self.parcelForm = QFormLayout(self.parcelGroup)
        self.parcelForm.setObjectName(u"parcelForm")
        self.labelTitle = QLabel(self.parcelGroup)
        self.labelTitle.setObjectName(u"labelTitle")

        self.parcelForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.labelTitle)

        self.labelEdit = QLineEdit(self.parcelGroup)
        self.labelEdit.setObjectName(u"labelEdit")
        self.labelEdit.setClearButtonEnabled(True)

        self.parcelForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.labelEdit)

        self.senderTitle = QLabel(self.parcelGroup)
        self.senderTitle.setObjectName(u"senderTitle")

        self.parcelForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.senderTitle)

        self.senderEdit = QLineEdit(self.parcelGroup)
        self.senderEdit.setObjectName(u"senderEdit")
        self.senderEdit.setClearButtonEnabled(True)

        self.parcelForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.senderEdit)

        self.notesTitle = QLabel(self.parcelGroup)
        self.notesTitle.setObjectName(u"notesTitle")

        self.parcelForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.notesTitle)

        self.notesEdit = QLineEdit(self.parcelGroup)
        self.notesEdit.setObjectName(u"notesEdit")
        self.notesEdit.setClearButtonEnabled(True)

        self.parcelForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.notesEdit)


        self.parcelColumn.addWidget(self.parcelGroup)

        self.itemsTitle = QLabel(UnidentifiedPanel)
        self.itemsTitle.setObjectName(u"itemsTitle")

        self.parcelColumn.addWidget(self.itemsTitle)

        self.itemsTable = QTableView(UnidentifiedPanel)
        self.itemsTable.setObjectName(u"itemsTable")
        self.itemsTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.itemsTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.itemsTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.itemsTable.setTabKeyNavigation(False)
        self.itemsTable.setWordWrap(False)

        self.parcelColumn.addWidget(self.itemsTable)

        self.keysLabel = QLabel(UnidentifiedPanel)
        self.keysLabel.setObjectName(u"keysLabel")
        self.keysLabel.setWordWrap(True)

        self.parcelColumn.addWidget(self.keysLabel)

        self.parcelColumn.setStretch(2, 1)

        self.panelColumns.addLayout(self.parcelColumn)

        self.sideColumn = QVBoxLayout()
        self.sideColumn.setObjectName(u"sideColumn")
        self.weightSlot = QVBoxLayout()
        self.weightSlot.setObjectName(u"weightSlot")

        self.sideColumn.addLayout(self.weightSlot)

        self.resultGroup = QGroupBox(UnidentifiedPanel)
        self.resultGroup.setObjectName(u"resultGroup")
        self.resultLayout = QVBoxLayout(self.resultGroup)
        self.resultLayout.setObjectName(u"resultLayout")
        self.numberValue = QLabel(self.resultGroup)
        self.numberValue.setObjectName(u"numberValue")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.numberValue.sizePolicy().hasHeightForWidth())
        self.numberValue.setSizePolicy(sizePolicy)
        self.numberValue.setWordWrap(True)

        self.resultLayout.addWidget(self.numberValue)

        self.plateValue = QLabel(self.resultGroup)
        self.plateValue.setObjectName(u"plateValue")
        sizePolicy.setHeightForWidth(self.plateValue.sizePolicy().hasHeightForWidth())
        self.plateValue.setSizePolicy(sizePolicy)
        self.plateValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.resultLayout.addWidget(self.plateValue)

        self.placeValue = QLabel(self.resultGroup)
        self.placeValue.setObjectName(u"placeValue")
        sizePolicy.setHeightForWidth(self.placeValue.sizePolicy().hasHeightForWidth())
        self.placeValue.setSizePolicy(sizePolicy)
        self.placeValue.setWordWrap(True)

        self.resultLayout.addWidget(self.placeValue)

        self.plateNote = QLabel(self.resultGroup)
        self.plateNote.setObjectName(u"plateNote")
        sizePolicy.setHeightForWidth(self.plateNote.sizePolicy().hasHeightForWidth())
        self.plateNote.setSizePolicy(sizePolicy)
        self.plateNote.setWordWrap(True)

        self.resultLayout.addWidget(self.plateNote)

        self.resultSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.resultLayout.addItem(self.resultSpacer)


        self.sideColumn.addWidget(self.resultGroup)

        self.sideColumn.setStretch(1, 1)

        self.panelColumns.addLayout(self.sideColumn)

        self.panelColumns.setStretch(0, 3)
        self.panelColumns.setStretch(1, 2)
#if QT_CONFIG(shortcut)
        self.labelTitle.setBuddy(self.labelEdit)
        self.senderTitle.setBuddy(self.senderEdit)
        self.notesTitle.setBuddy(self.notesEdit)
        self.itemsTitle.setBuddy(self.itemsTable)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.labelEdit, self.senderEdit)
        QWidget.setTabOrder(self.senderEdit, self.notesEdit)
        QWidget.setTabOrder(self.notesEdit, self.itemsTable)

        self.retranslateUi(UnidentifiedPanel)

        QMetaObject.connectSlotsByName(UnidentifiedPanel)
    # setupUi

    def retranslateUi(self, UnidentifiedPanel):
#if QT_CONFIG(accessibility)
        UnidentifiedPanel.setAccessibleName(QCoreApplication.translate("UnidentifiedPanel", u"Parcel without an RMA", None))
#endif // QT_CONFIG(accessibility)
        self.parcelGroup.setTitle(QCoreApplication.translate("UnidentifiedPanel", u"Parcel without an RMA", None))
#if QT_CONFIG(accessibility)
        self.parcelGroup.setAccessibleName(QCoreApplication.translate("UnidentifiedPanel", u"The parcel as its label reads", None))
#endif // QT_CONFIG(accessibility)
        self.labelTitle.setText(QCoreApplication.translate("UnidentifiedPanel", u"Tracking no. or label", None))
#if QT_CONFIG(accessibility)
        self.labelEdit.setAccessibleName(QCoreApplication.translate("UnidentifiedPanel", u"Tracking number or label of the parcel", None))
#endif // QT_CONFIG(accessibility)
        self.labelEdit.setPlaceholderText(QCoreApplication.translate("UnidentifiedPanel", u"scan the carrier's barcode, or type what the label says", None))
        self.senderTitle.setText(QCoreApplication.translate("UnidentifiedPanel", u"Sender", None))
#if QT_CONFIG(accessibility)
        self.senderEdit.setAccessibleName(QCoreApplication.translate("UnidentifiedPanel", u"Sender as written on the label", None))
#endif // QT_CONFIG(accessibility)
        self.senderEdit.setPlaceholderText(QCoreApplication.translate("UnidentifiedPanel", u"as written on the label", None))
        self.notesTitle.setText(QCoreApplication.translate("UnidentifiedPanel", u"Notes", None))
#if QT_CONFIG(accessibility)
        self.notesEdit.setAccessibleName(QCoreApplication.translate("UnidentifiedPanel", u"Notes on the parcel", None))
#endif // QT_CONFIG(accessibility)
        self.notesEdit.setPlaceholderText(QCoreApplication.translate("UnidentifiedPanel", u"anything the back office should know, then Enter", None))
        self.itemsTitle.setText(QCoreApplication.translate("UnidentifiedPanel", u"Items in the parcel", None))
#if QT_CONFIG(accessibility)
        self.itemsTable.setAccessibleName(QCoreApplication.translate("UnidentifiedPanel", u"Items found in the parcel", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.keysLabel.setAccessibleName(QCoreApplication.translate("UnidentifiedPanel", u"Keys of the parcel without an RMA", None))
#endif // QT_CONFIG(accessibility)
        self.keysLabel.setText("")
        self.resultGroup.setTitle(QCoreApplication.translate("UnidentifiedPanel", u"Unidentified return", None))
#if QT_CONFIG(accessibility)
        self.resultGroup.setAccessibleName(QCoreApplication.translate("UnidentifiedPanel", u"The unidentified return as recorded", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.numberValue.setAccessibleName(QCoreApplication.translate("UnidentifiedPanel", u"Unidentified return number", None))
#endif // QT_CONFIG(accessibility)
        self.numberValue.setText(QCoreApplication.translate("UnidentifiedPanel", u"Not recorded yet", None))
#if QT_CONFIG(accessibility)
        self.plateValue.setAccessibleName(QCoreApplication.translate("UnidentifiedPanel", u"License plate to write on the parcel", None))
#endif // QT_CONFIG(accessibility)
        self.plateValue.setText("")
#if QT_CONFIG(accessibility)
        self.placeValue.setAccessibleName(QCoreApplication.translate("UnidentifiedPanel", u"Quarantine place", None))
#endif // QT_CONFIG(accessibility)
        self.placeValue.setText("")
#if QT_CONFIG(accessibility)
        self.plateNote.setAccessibleName(QCoreApplication.translate("UnidentifiedPanel", u"What to do with the license plate", None))
#endif // QT_CONFIG(accessibility)
        self.plateNote.setText("")
    # retranslateUi

