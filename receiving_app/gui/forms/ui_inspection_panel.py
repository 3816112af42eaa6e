# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'inspection_panel.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLabel, QLineEdit, QSizePolicy, QVBoxLayout

from receiving_app.gui.fact_check import FactCheck

class Ui_InspectionPanel(object):
    def setupUi(self, InspectionPanel):
        if not InspectionPanel.objectName():
            InspectionPanel.setObjectName(u"InspectionPanel")
        self.inspectionLayout = QVBoxLayout(InspectionPanel)
        self.inspectionLayout.setSpacing(2)
        self.inspectionLayout.setObjectName(u"inspectionLayout")
        self.inspectionLayout.setContentsMargins(0, 0, 0, 0)
        self.unitLabel = QLabel(InspectionPanel)
        self.unitLabel.setObjectName(u"unitLabel")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.unitLabel.sizePolicy().hasHeightForWidth())
        self.unitLabel.setSizePolicy(sizePolicy)
        self.unitLabel.setWordWrap(True)

        self.inspectionLayout.addWidget(self.unitLabel)

        self.recordLabel = QLabel(InspectionPanel)
        self.recordLabel.setObjectName(u"recordLabel")
        sizePolicy.setHeightForWidth(self.recordLabel.sizePolicy().hasHeightForWidth())
        self.recordLabel.setSizePolicy(sizePolicy)
        self.recordLabel.setWordWrap(True)

        self.inspectionLayout.addWidget(self.recordLabel)

        self.uncheckedLabel = QLabel(InspectionPanel)
        self.uncheckedLabel.setObjectName(u"uncheckedLabel")
        sizePolicy.setHeightForWidth(self.uncheckedLabel.sizePolicy().hasHeightForWidth())
        self.uncheckedLabel.setSizePolicy(sizePolicy)
        self.uncheckedLabel.setWordWrap(True)

        self.inspectionLayout.addWidget(self.uncheckedLabel)

        self.conditionGroup = QGroupBox(InspectionPanel)
        self.conditionGroup.setObjectName(u"conditionGroup")
        self.conditionLayout = QVBoxLayout(self.conditionGroup)
        self.conditionLayout.setSpacing(0)
        self.conditionLayout.setObjectName(u"conditionLayout")
        self.conditionLayout.setContentsMargins(-1, 2, -1, 2)
        self.unopenedCheck = FactCheck(self.conditionGroup)
        self.unopenedCheck.setObjectName(u"unopenedCheck")

        self.conditionLayout.addWidget(self.unopenedCheck)

        self.sealedCheck = FactCheck(self.conditionGroup)
        self.sealedCheck.setObjectName(u"sealedCheck")

        self.conditionLayout.addWidget(self.sealedCheck)

        self.originalPackagingCheck = FactCheck(self.conditionGroup)
        self.originalPackagingCheck.setObjectName(u"originalPackagingCheck")

        self.conditionLayout.addWidget(self.originalPackagingCheck)

        self.boxDamageCheck = FactCheck(self.conditionGroup)
        self.boxDamageCheck.setObjectName(u"boxDamageCheck")

        self.conditionLayout.addWidget(self.boxDamageCheck)

        self.labelsIntactCheck = FactCheck(self.conditionGroup)
        self.labelsIntactCheck.setObjectName(u"labelsIntactCheck")

        self.conditionLayout.addWidget(self.labelsIntactCheck)


        self.inspectionLayout.addWidget(self.conditionGroup)

        self.flagsGroup = QGroupBox(InspectionPanel)
        self.flagsGroup.setObjectName(u"flagsGroup")
        self.flagsLayout = QVBoxLayout(self.flagsGroup)
        self.flagsLayout.setSpacing(0)
        self.flagsLayout.setObjectName(u"flagsLayout")
        self.flagsLayout.setContentsMargins(-1, 2, -1, 2)
        self.soldBySellerCheck = FactCheck(self.flagsGroup)
        self.soldBySellerCheck.setObjectName(u"soldBySellerCheck")

        self.flagsLayout.addWidget(self.soldBySellerCheck)

        self.hpPlusRejectedCheck = FactCheck(self.flagsGroup)
        self.hpPlusRejectedCheck.setObjectName(u"hpPlusRejectedCheck")

        self.flagsLayout.addWidget(self.hpPlusRejectedCheck)

        self.firmwareBlockedCheck = FactCheck(self.flagsGroup)
        self.firmwareBlockedCheck.setObjectName(u"firmwareBlockedCheck")

        self.flagsLayout.addWidget(self.firmwareBlockedCheck)

        self.improperUseCheck = FactCheck(self.flagsGroup)
        self.improperUseCheck.setObjectName(u"improperUseCheck")

        self.flagsLayout.addWidget(self.improperUseCheck)


        self.inspectionLayout.addWidget(self.flagsGroup)

        self.returnForm = QFormLayout()
        self.returnForm.setObjectName(u"returnForm")
        self.returnForm.setVerticalSpacing(2)
        self.reasonLabel = QLabel(InspectionPanel)
        self.reasonLabel.setObjectName(u"reasonLabel")

        self.returnForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.reasonLabel)

        self.reasonCombo = QComboBox(InspectionPanel)
        self.reasonCombo.setObjectName(u"reasonCombo")
        self.reasonCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        self.returnForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.reasonCombo)

        self.choiceLabel = QLabel(InspectionPanel)
        self.choiceLabel.setObjectName(u"choiceLabel")

        self.returnForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.choiceLabel)

        self.choiceCombo = QComboBox(InspectionPanel)
        self.choiceCombo.setObjectName(u"choiceCombo")
        self.choiceCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        self.returnForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.choiceCombo)

        self.findingLabel = QLabel(InspectionPanel)
        self.findingLabel.setObjectName(u"findingLabel")
        sizePolicy.setHeightForWidth(self.findingLabel.sizePolicy().hasHeightForWidth())
        self.findingLabel.setSizePolicy(sizePolicy)
        self.findingLabel.setWordWrap(True)

        self.returnForm.setWidget(2, QFormLayout.ItemRole.SpanningRole, self.findingLabel)

        self.notesLabel = QLabel(InspectionPanel)
        self.notesLabel.setObjectName(u"notesLabel")

        self.returnForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.notesLabel)

        self.notesEdit = QLineEdit(InspectionPanel)
        self.notesEdit.setObjectName(u"notesEdit")

        self.returnForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.notesEdit)

        self.photosTitleLabel = QLabel(InspectionPanel)
        self.photosTitleLabel.setObjectName(u"photosTitleLabel")

        self.returnForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.photosTitleLabel)

        self.photosLabel = QLabel(InspectionPanel)
        self.photosLabel.setObjectName(u"photosLabel")
        self.photosLabel.setWordWrap(True)

        self.returnForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.photosLabel)


        self.inspectionLayout.addLayout(self.returnForm)

#if QT_CONFIG(shortcut)
        self.reasonLabel.setBuddy(self.reasonCombo)
        self.choiceLabel.setBuddy(self.choiceCombo)
        self.notesLabel.setBuddy(self.notesEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(InspectionPanel)

        QMetaObject.connectSlotsByName(InspectionPanel)
    # setupUi

    def retranslateUi(self, InspectionPanel):
#if QT_CONFIG(accessibility)
        InspectionPanel.setAccessibleName(QCoreApplication.translate("InspectionPanel", u"Inspection", None))
#endif // QT_CONFIG(accessibility)
        self.unitLabel.setStyleSheet(QCoreApplication.translate("InspectionPanel", u"font-size: 16pt; font-weight: bold;", None))
#if QT_CONFIG(accessibility)
        self.unitLabel.setAccessibleName(QCoreApplication.translate("InspectionPanel", u"Unit being inspected", None))
#endif // QT_CONFIG(accessibility)
        self.unitLabel.setText(QCoreApplication.translate("InspectionPanel", u"No unit", None))
#if QT_CONFIG(accessibility)
        self.recordLabel.setAccessibleName(QCoreApplication.translate("InspectionPanel", u"Recorded inspection", None))
#endif // QT_CONFIG(accessibility)
        self.recordLabel.setText("")
#if QT_CONFIG(accessibility)
        self.uncheckedLabel.setAccessibleName(QCoreApplication.translate("InspectionPanel", u"Facts not checked", None))
#endif // QT_CONFIG(accessibility)
        self.uncheckedLabel.setText("")
        self.conditionGroup.setTitle(QCoreApplication.translate("InspectionPanel", u"Condition", None))
#if QT_CONFIG(accessibility)
        self.unopenedCheck.setAccessibleName(QCoreApplication.translate("InspectionPanel", u"Unopened", None))
#endif // QT_CONFIG(accessibility)
        self.unopenedCheck.setText(QCoreApplication.translate("InspectionPanel", u"Unopened", None))
#if QT_CONFIG(accessibility)
        self.sealedCheck.setAccessibleName(QCoreApplication.translate("InspectionPanel", u"Sealed", None))
#endif // QT_CONFIG(accessibility)
        self.sealedCheck.setText(QCoreApplication.translate("InspectionPanel", u"Sealed", None))
#if QT_CONFIG(accessibility)
        self.originalPackagingCheck.setAccessibleName(QCoreApplication.translate("InspectionPanel", u"In original packaging", None))
#endif // QT_CONFIG(accessibility)
        self.originalPackagingCheck.setText(QCoreApplication.translate("InspectionPanel", u"Original packaging", None))
#if QT_CONFIG(accessibility)
        self.boxDamageCheck.setAccessibleName(QCoreApplication.translate("InspectionPanel", u"Box damaged or marked", None))
#endif // QT_CONFIG(accessibility)
        self.boxDamageCheck.setText(QCoreApplication.translate("InspectionPanel", u"Box damaged", None))
#if QT_CONFIG(accessibility)
        self.labelsIntactCheck.setAccessibleName(QCoreApplication.translate("InspectionPanel", u"Labels intact", None))
#endif // QT_CONFIG(accessibility)
        self.labelsIntactCheck.setText(QCoreApplication.translate("InspectionPanel", u"Labels intact", None))
        self.flagsGroup.setTitle(QCoreApplication.translate("InspectionPanel", u"Flags", None))
#if QT_CONFIG(accessibility)
        self.soldBySellerCheck.setAccessibleName(QCoreApplication.translate("InspectionPanel", u"Bought from this seller", None))
#endif // QT_CONFIG(accessibility)
        self.soldBySellerCheck.setText(QCoreApplication.translate("InspectionPanel", u"Bought from this seller", None))
#if QT_CONFIG(accessibility)
        self.hpPlusRejectedCheck.setAccessibleName(QCoreApplication.translate("InspectionPanel", u"Rejected by an HP+ printer", None))
#endif // QT_CONFIG(accessibility)
        self.hpPlusRejectedCheck.setText(QCoreApplication.translate("InspectionPanel", u"HP+ printer rejected it", None))
#if QT_CONFIG(accessibility)
        self.firmwareBlockedCheck.setAccessibleName(QCoreApplication.translate("InspectionPanel", u"Blocked by printer firmware", None))
#endif // QT_CONFIG(accessibility)
        self.firmwareBlockedCheck.setText(QCoreApplication.translate("InspectionPanel", u"Firmware blocked", None))
#if QT_CONFIG(accessibility)
        self.improperUseCheck.setAccessibleName(QCoreApplication.translate("InspectionPanel", u"Improper use", None))
#endif // QT_CONFIG(accessibility)
        self.improperUseCheck.setText(QCoreApplication.translate("InspectionPanel", u"Improper use", None))
        self.reasonLabel.setText(QCoreApplication.translate("InspectionPanel", u"Reason", None))
#if QT_CONFIG(accessibility)
        self.reasonCombo.setAccessibleName(QCoreApplication.translate("InspectionPanel", u"Return reason", None))
#endif // QT_CONFIG(accessibility)
        self.choiceLabel.setText(QCoreApplication.translate("InspectionPanel", u"Customer wants", None))
#if QT_CONFIG(accessibility)
        self.choiceCombo.setAccessibleName(QCoreApplication.translate("InspectionPanel", u"Customer's choice", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.findingLabel.setAccessibleName(QCoreApplication.translate("InspectionPanel", u"Reason and choice, as said and as found", None))
#endif // QT_CONFIG(accessibility)
        self.findingLabel.setText("")
        self.notesLabel.setText(QCoreApplication.translate("InspectionPanel", u"Notes", None))
#if QT_CONFIG(accessibility)
        self.notesEdit.setAccessibleName(QCoreApplication.translate("InspectionPanel", u"Inspection notes", None))
#endif // QT_CONFIG(accessibility)
        self.notesEdit.setPlaceholderText(QCoreApplication.translate("InspectionPanel", u"What you saw (optional)", None))
        self.photosTitleLabel.setText(QCoreApplication.translate("InspectionPanel", u"Photos", None))
#if QT_CONFIG(accessibility)
        self.photosLabel.setAccessibleName(QCoreApplication.translate("InspectionPanel", u"Damage photos", None))
#endif // QT_CONFIG(accessibility)
        self.photosLabel.setText(QCoreApplication.translate("InspectionPanel", u"none", None))
    # retranslateUi

